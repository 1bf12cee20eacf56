# batch (en)
