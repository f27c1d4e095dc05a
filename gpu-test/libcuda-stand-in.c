/*
 * TEST FIXTURE, never shipped to users: a stand-in for the NVIDIA driver's libcuda.so.1, standing
 * for "a machine with the driver installed but no GPU". The tests of the GPU build (mvn -Pgpu) put
 * it on LD_LIBRARY_PATH on a machine without the driver, where the CUDA libtorch would not load at
 * all (its libcaffe2_nvrtc.so links libcuda.so.1). Every entry point answers "no device": libtorch
 * then loads and sees zero GPUs, as on a driver machine without a GPU. It exports the symbols
 * libcaffe2_nvrtc.so needs (nm -D --undefined-only) and those CUDA's runtime looks up first.
 * Where the real driver is installed the fixture is not built (see driverless.sh).
 */
#define CUDA_ERROR_NO_DEVICE 100
#define CUDA_ERROR_NOT_FOUND 500

int cuInit(unsigned int flags) { (void) flags; return CUDA_ERROR_NO_DEVICE; }
int cuDriverGetVersion(int *version) { if (version) *version = 0; return CUDA_ERROR_NO_DEVICE; }
int cuDeviceGetCount(int *count) { if (count) *count = 0; return CUDA_ERROR_NO_DEVICE; }
int cuGetErrorString(int error, const char **text) {
    (void) error;
    if (text) *text = "no CUDA-capable device is detected (test stand-in for libcuda.so.1)";
    return 0;
}
int cuGetErrorName(int error, const char **name) { (void) error; if (name) *name = "CUDA_ERROR_NO_DEVICE"; return 0; }
int cuGetProcAddress(const char *symbol, void **function, int version, unsigned long long flags) {
    (void) symbol; (void) version; (void) flags;
    if (function) *function = 0;
    return CUDA_ERROR_NOT_FOUND;
}
int cuGetProcAddress_v2(const char *symbol, void **function, int version, unsigned long long flags, void *status) {
    (void) status;
    return cuGetProcAddress(symbol, function, version, flags);
}

#define NO_DEVICE(name) int name(void) { return CUDA_ERROR_NO_DEVICE; }
NO_DEVICE(cuCtxGetCurrent)
NO_DEVICE(cuCtxSetCurrent)
NO_DEVICE(cuDevicePrimaryCtxGetState)
NO_DEVICE(cuDevicePrimaryCtxRetain)
NO_DEVICE(cuFuncGetAttribute)
NO_DEVICE(cuFuncSetAttribute)
NO_DEVICE(cuLaunchCooperativeKernel)
NO_DEVICE(cuLaunchKernel)
NO_DEVICE(cuLinkAddData_v2)
NO_DEVICE(cuLinkComplete)
NO_DEVICE(cuLinkCreate_v2)
NO_DEVICE(cuModuleGetFunction)
NO_DEVICE(cuModuleLoadData)
NO_DEVICE(cuModuleLoadDataEx)
NO_DEVICE(cuModuleUnload)
NO_DEVICE(cuOccupancyMaxActiveBlocksPerMultiprocessor)
NO_DEVICE(cuTensorMapEncodeTiled)
