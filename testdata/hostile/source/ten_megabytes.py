# Repeated to 10 MiB by the suite: far over the source size limit.
x = 1
