"""What changed between two versions of a plan, in the user's words (`clusterctl diff`):
snapshots of plans, pairing and comparison, the textconv listing, and git revisions."""
