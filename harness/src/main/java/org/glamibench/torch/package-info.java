/** Reader of PyTorch torch.save files (zip format). */
package org.glamibench.torch;
