# archive (nl)
