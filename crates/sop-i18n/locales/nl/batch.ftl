# batch (nl)
