"""The books (issue 12): chart of accounts, posting rules, the journal and its checks."""
