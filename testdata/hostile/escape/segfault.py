# Reads address 0 through ctypes: SIGSEGV, a run-time error of this test only.
import ctypes

ctypes.string_at(0)
