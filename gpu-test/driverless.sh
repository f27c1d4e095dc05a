#!/usr/bin/env bash
# TEST FIXTURE of the GPU build's tests (mvn -Pgpu runs it before them; never used by the harness).
# On a machine without the NVIDIA driver the CUDA libtorch does not load at all (libcuda.so.1 is
# missing), and DJL ignores its CUDA natives (it finds no GPU, so it wants a CPU build). To test
# everything but the kernels here, this stands for "a machine with the driver but no GPU":
#   1. builds libcuda-stand-in.c into STAND_IN_DIR/libcuda.so.1 (every call answers "no device"),
#      only where no real libcuda.so.1 is installed; the tests put STAND_IN_DIR on LD_LIBRARY_PATH;
#   2. unpacks the CUDA libtorch of NATIVE_JAR into LIBTORCH_DIR (the folder DJL itself unpacks it to
#      on a GPU machine) if it is not there; the tests point PYTORCH_LIBRARY_PATH at it.
# Usage: driverless.sh STAND_IN_DIR LIBTORCH_DIR NATIVE_JAR
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 STAND_IN_DIR LIBTORCH_DIR NATIVE_JAR" >&2; exit 2; }
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stand_in="$1" libtorch="$2" jar="$3"

rm -rf "$stand_in"
mkdir -p "$stand_in"
if /sbin/ldconfig -p 2>/dev/null | grep -q 'libcuda\.so\.1 '; then
  echo "driverless.sh: the NVIDIA driver's libcuda.so.1 is installed: no stand-in" >&2
else
  command -v gcc >/dev/null || { echo "driverless.sh: gcc is needed to build the libcuda.so.1 stand-in" >&2; exit 1; }
  gcc -shared -fPIC -O1 -Wl,-soname,libcuda.so.1 -o "$stand_in/libcuda.so.1" "$here/libcuda-stand-in.c"
fi

if [ ! -f "$libtorch/libtorch_cuda.so" ]; then
  echo "driverless.sh: unpacking the CUDA libtorch to $libtorch (about 3.8 GB, once) ..." >&2
  partial="$libtorch.partial"
  rm -rf "$partial"
  mkdir -p "$partial"
  unzip -q -j -o "$jar" 'pytorch/*/linux-x86_64/*' -d "$partial"
  rm -rf "$libtorch"
  mv "$partial" "$libtorch"
fi
