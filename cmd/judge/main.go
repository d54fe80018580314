// Command judge judges Python solutions to coding problems in a hardened throwaway container.
package main

import (
	"os"
)

func main() {
	os.Exit(Main(os.Args[1:], newSystemIO()))
}
