// Package python is the Python runner image: its harness (the program that runs tests inside the
// sandbox), its Dockerfiles and its no-registry build script, embedded so the judge binary is
// self-contained. It holds no Go logic.
package python

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
)

// Harness is harness.py, the program the runner image runs.
//
//go:embed harness.py
var Harness []byte

// Dockerfile builds the image from a registry base (for Docker engines that can pull).
//
//go:embed Dockerfile
var Dockerfile []byte

// DockerfileLocal builds the image on top of the rootfs made by BuildRootfs (no registry needed).
//
//go:embed Dockerfile.local
var DockerfileLocal []byte

// DockerfileValidator builds the validator image (g++ and the harness) on the root made by
// BuildRootfs with the validator packages (ValidatorPackages).
//
//go:embed Dockerfile.validator
var DockerfileValidator []byte

// ValidatorPackages are the Debian packages of the validator image's root.
// python3-pyflakes is not used there, but build-rootfs.sh checks every root it makes can import
// it (the harness lints with it): without it a fresh validator base fails that check.
const ValidatorPackages = "python3-minimal,libpython3.11-stdlib,python3-pyflakes,g++"

// BuildRootfs is build-rootfs.sh: debootstrap a minimal Debian with python3 into a tar.
//
//go:embed build-rootfs.sh
var BuildRootfs []byte

// HarnessDigest identifies the embedded harness, the Dockerfiles that install it and the script
// that makes their base; an image built from another one of them is stale.
func HarnessDigest() string {
	return digest(Harness, Dockerfile, DockerfileLocal, BuildRootfs)
}

// RootfsDigest identifies build-rootfs.sh: the packages of the base image.
func RootfsDigest() string { return digest(BuildRootfs) }

func digest(files ...[]byte) string {
	h := sha256.New()
	for _, b := range files {
		h.Write(b)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// Mutate is mutate.py, the mutant generator of judge verify --mutants. It is not part of the
// image (nor of HarnessDigest): the judge sends it to the sandbox as a job, like an input validator.
//
//go:embed mutate.py
var Mutate []byte

// ValidatorDigest identifies the validator image: the harness, the validator Dockerfile and its
// base (ValidatorRootfsDigest).
func ValidatorDigest() string {
	return digest(Harness, DockerfileValidator, []byte(ValidatorPackages), BuildRootfs)
}

// ValidatorRootfsDigest identifies the validator image's base: build-rootfs.sh and the
// packages it is given.
func ValidatorRootfsDigest() string { return digest(BuildRootfs, []byte(ValidatorPackages)) }
