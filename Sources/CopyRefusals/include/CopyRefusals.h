// CopyRefusals declares nothing: it is compiled only for the refusals in CopyRefusals.c.
