"""stub"""
def find_proposals(doc, idx):
    return [], []
