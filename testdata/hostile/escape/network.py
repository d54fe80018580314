# The sandbox has no network: loopback is the only interface, there is no route at all, and raw
# and packet sockets are refused. The only address this probe aims at is 127.0.0.1, where
# nothing listens.
import os
import socket

bad = []
ifaces = [line.split(":")[0].strip() for line in open("/proc/net/dev").read().splitlines()[2:]]
if ifaces != ["lo"]:
    bad.append(f"interfaces {ifaces}")
if sorted(os.listdir("/sys/class/net")) != ["lo"]:
    bad.append(f"/sys/class/net {os.listdir('/sys/class/net')}")
routes = open("/proc/net/route").read().splitlines()[1:]
if routes:
    bad.append(f"IPv4 routes {routes}")
try:
    v6 = [r for r in open("/proc/net/ipv6_route").read().splitlines() if r.split()[-1] != "lo"]
except FileNotFoundError:
    v6 = []
if v6:
    bad.append(f"IPv6 routes {v6}")
for family, kind, proto in ((socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP),
                            (socket.AF_PACKET, socket.SOCK_RAW, 0)):
    try:
        socket.socket(family, kind, proto).close()
        bad.append(f"opened a raw socket ({family.name})")
    except OSError:
        pass
s = socket.socket()
s.settimeout(2)
try:
    s.connect(("127.0.0.1", 80))
    bad.append("something listens on 127.0.0.1:80")
except OSError:
    pass
input()
print(" ".join(bad) or "ok")
