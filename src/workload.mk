# src/workload.mk: filled in by its module
