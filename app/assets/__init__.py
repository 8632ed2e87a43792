"""Fixed assets (aset tetap): the register and its monthly straight-line depreciation."""
