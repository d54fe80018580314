# A single file larger than the file-size limit (the output limit, 1 MiB here): EFBIG.
with open("/tmp/big", "wb") as f:
    f.write(b"\0" * (8 << 20))
print("ok")
