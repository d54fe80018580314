# Tries to make 300,000 files in /tmp: the tmpfs has 8192 inodes, so it fails (OSError) long before.
for i in range(300_000):
    open(f"/tmp/f{i}", "w").close()
print("ok")
