#!/bin/sh
# build-rootfs.sh OUT.tar — the no-registry path to the Python runner image.
#
# Debootstraps a minimal Debian bookworm with python3 (from the Debian mirror this machine's apt
# already uses), strips what a sandbox never needs, and writes the root as a tar with numeric
# owners, ready for `docker import OUT.tar judge-python-rootfs:bookworm-<digest>` (or the Engine API's
# image import). Dockerfile.local then adds the harness on top.
#
# Needs root (debootstrap chroots). Idempotent: every run starts from an empty temp dir and
# replaces OUT.tar atomically; the temp dir is removed on every exit path.
#
# Env: DEBIAN_MIRROR overrides the mirror; SUITE (default bookworm).
set -eu

out=${1:?usage: build-rootfs.sh OUT.tar}
suite=${SUITE:-bookworm}
# python3-minimal alone lacks json, ctypes, resource, shutil (harness) and much of what a
# submission may import (decimal, fractions, dataclasses, ...): libpython3.11-stdlib has them.
# python3-pyflakes: the harness lints the submission (advisory, never part of the verdict).
# PACKAGES replaces the list (the validator image has its own: g++).
packages=${PACKAGES:-python3-minimal,libpython3.11-stdlib,python3-pyflakes}

say() { printf '[build-rootfs %s] %s\n' "$(date +%T)" "$*"; }

if [ "$(id -u)" -ne 0 ]; then
	echo "build-rootfs.sh: must run as root (debootstrap chroots)" >&2
	exit 1
fi

case $out in
/*) ;;
*) out=$(pwd)/$out ;;
esac

work=
cleanup() {
	status=$?
	if [ -n "$work" ] && [ -d "$work" ]; then
		# debootstrap mounts proc/sys inside the target and may leave them on failure: unmount
		# everything under the root first, then delete without crossing into any file system.
		if [ -r /proc/mounts ]; then
			awk -v root="$work/" 'index($2, root) == 1 { print $2 }' /proc/mounts | sort -r |
				while read -r m; do umount -l "$m" 2>/dev/null || true; done
		fi
		rm -rf --one-file-system "$work"
	fi
	rm -f "$out.tmp.$$"
	exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM HUP

# The mirror apt already uses here (deb822 .sources or one-line .list), else Debian's default.
find_mirror() {
	for f in /etc/apt/sources.list.d/*.sources; do
		[ -r "$f" ] || continue
		awk -v suite="$suite" '
			function flush() {
				if (types ~ /(^| )deb( |$)/ && (" " suites " ") ~ (" " suite " ") && uris != "") {
					split(uris, u, " "); print u[1]; found = 1; exit
				}
				types = ""; suites = ""; uris = ""
			}
			/^[ \t]*$/ { flush(); next }
			/^Types:/  { sub(/^Types:[ \t]*/, ""); types = $0 }
			/^Suites:/ { sub(/^Suites:[ \t]*/, ""); suites = $0 }
			/^URIs:/   { sub(/^URIs:[ \t]*/, ""); uris = $0 }
			END { if (!found) flush() }
		' "$f"
	done
	for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list; do
		[ -r "$f" ] || continue
		awk -v suite="$suite" '
			$1 == "deb" {
				i = 2
				if ($2 ~ /^\[/) { while (i <= NF && $i !~ /\]$/) i++; i++ }
				if ($(i + 1) == suite) { print $i; exit }
			}
		' "$f"
	done
}
mirror=${DEBIAN_MIRROR:-$(find_mirror | head -n 1)}
mirror=${mirror:-http://deb.debian.org/debian}

start=$(date +%s)
if ! command -v debootstrap >/dev/null 2>&1; then
	say "installing debootstrap"
	if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap; then
		apt-get update
		DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debootstrap
	fi
fi
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
if [ ! -r "$keyring" ]; then
	say "installing debian-archive-keyring"
	DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debian-archive-keyring ||
		{ apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends debian-archive-keyring; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/judge-rootfs.XXXXXX")
root=$work/root
say "debootstrap $suite from $mirror into $root (packages: $packages)"
debootstrap --variant=minbase --keyring="$keyring" --include="$packages" "$suite" "$root" "$mirror" \
	>"$work/debootstrap.log" 2>&1 || {
	tail -n 30 "$work/debootstrap.log" >&2
	echo "build-rootfs.sh: debootstrap failed" >&2
	exit 1
}
say "debootstrap done"

chroot "$root" python3 -c 'import json, ctypes, ast, resource, shutil, platform' || {
	echo "build-rootfs.sh: python3 in the new root cannot import what the harness needs" >&2
	exit 1
}

say "stripping"
# Package tools: the sandbox never installs anything. apt goes with its own libraries; perl-base
# is Essential only for dpkg's maintainer scripts, which will never run again in this root.
chroot "$root" dpkg --purge apt libapt-pkg6.0 >/dev/null 2>&1 || say "warning: could not purge apt"
chroot "$root" dpkg --purge --force-remove-essential --force-depends perl-base >/dev/null 2>&1 ||
	say "warning: could not purge perl-base"
rm -rf \
	"$root"/usr/share/doc/* \
	"$root"/usr/share/man/* \
	"$root"/usr/share/info/* \
	"$root"/usr/share/locale/* \
	"$root"/usr/share/i18n \
	"$root"/usr/share/lintian \
	"$root"/usr/share/linda \
	"$root"/usr/share/common-licenses \
	"$root"/usr/lib/python3.11/ensurepip \
	"$root"/usr/lib/python3/dist-packages/pip \
	"$root"/var/cache/apt \
	"$root"/var/lib/apt \
	"$root"/var/cache/debconf/*-old \
	"$root"/var/cache/ldconfig/aux-cache \
	"$root"/var/log/* \
	"$root"/tmp/* \
	"$root"/root/.cache
# dpkg's own history and backups; its status database stays (it is small and documents the root).
rm -f "$root"/var/lib/dpkg/*-old "$root"/var/lib/dpkg/available
: >"$root"/etc/machine-id 2>/dev/null || true

chroot "$root" python3 -I -B -c 'import json, ctypes, ast, platform, resource, shutil, typing, decimal, fractions, dataclasses, pyflakes.api; print(platform.python_version())' >"$work/version" || {
	echo "build-rootfs.sh: stripping broke python3" >&2
	exit 1
}
say "python $(cat "$work/version") runs in the stripped root"

say "writing $out"
tar --numeric-owner --one-file-system -C "$root" -cf "$out.tmp.$$" .
mv -f "$out.tmp.$$" "$out"
say "done in $(($(date +%s) - start)) s: $(du -h "$out" | cut -f1) $out"
