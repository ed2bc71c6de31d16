"""Who met whom, where and when: meeting mentions, places, dates, modes, attendees and their roles."""
