# Grows a list of fresh 4 KiB strings until something stops it.
x = []
while True:
    x.append(bytearray(4096))
