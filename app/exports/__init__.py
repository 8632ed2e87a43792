"""What leaves the program as a spreadsheet: a table as shown on screen (xlsx_table)."""
