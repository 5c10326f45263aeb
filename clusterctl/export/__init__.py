"""The plans in other formats: an RFC 5545 calendar (`ics`)."""
