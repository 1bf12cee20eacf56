# archive (en)
