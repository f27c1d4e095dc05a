package org.glamibench.image;

/** An image that cannot be decoded faithfully; {@link #problem()} says why. */
public class ImageDecodeException extends Exception {
    private final ImageProblem problem;

    public ImageDecodeException(ImageProblem problem) {
        super(problem.toString());
        this.problem = problem;
    }

    /** The problem found. */
    public ImageProblem problem() {
        return problem;
    }
}
