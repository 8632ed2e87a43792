"""The first screens: choosing or creating a cooperative file."""
