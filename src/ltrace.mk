# src/ltrace.mk: importing real Linux scheduling traces (filled in as the module lands)
