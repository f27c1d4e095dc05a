/**
 * A reader of PyTorch {@code torch.save} files in the zip format of torch >= 1.6 (checkpoints and Hugging
 * Face {@code pytorch_model.bin} state dicts), in plain Java: {@link org.glamibench.torch.TorchFile} opens
 * a file and unpickles its object with a restricted unpickler that knows only the Python globals such files
 * use; {@link org.glamibench.torch.TorchTensor} reads a tensor's values lazily from the zip;
 * {@link org.glamibench.torch.StateDict} maps a state dict onto a network, key by key, and proves nothing
 * was left over. Every failure is a {@link org.glamibench.torch.TorchFileException} naming the file.
 *
 * <p>Imports only the JDK.
 *
 * <p>May import: no other package of the harness.
 */
package org.glamibench.torch;
