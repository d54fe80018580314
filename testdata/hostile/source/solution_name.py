# Judged under a file name that climbs out of its directory: refused before any container exists.
print(3)
