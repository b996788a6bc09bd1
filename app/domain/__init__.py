"""Pure logic: values in, values out, no I/O."""
