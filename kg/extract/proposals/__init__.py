"""What was proposed: plans and their versions, points, proposers, named documents and provisions."""
