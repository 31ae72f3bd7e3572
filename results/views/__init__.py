"""The public pages, one module per page family (home, competitions, races, skaters, head_to_head, records,
rankings, rinks, exports); common.py holds what they share (pagination, seasons and events in addresses)."""
