package org.glamibench.adapter;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who a model adapter is: the facts stamped on every result it produces. Built with
 * {@link #builder()}: {@code set*} for required fields, {@code opt*} for optional ones.
 *
 * @param name           unique adapter name, as given to {@code --adapter}: lower case letters,
 *                       digits, '-', '_', '.' and ':'
 * @param version        the adapter's version
 * @param modality       the inputs it reads
 * @param output         whether {@code predict} returns probabilities or logits
 * @param parameterCount number of model parameters; null when unknown or not a neural model
 * @param license        licence of the model and weights; null when not stated
 * @param weightsSha256  SHA-256 of the weights file; null when there is none
 * @param description    one line saying what the model is; null when not given
 */
public record AdapterDescriptor(String name, String version, Modality modality, OutputKind output,
                                Long parameterCount, String license, String weightsSha256, String description) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._:-]*");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /**
     * Checks the fields.
     *
     * @param name           unique adapter name: lower case letters, digits, '-', '_', '.' and ':',
     *                       starting with a letter or digit
     * @param version        the adapter's version, not blank
     * @param modality       the inputs it reads
     * @param output         whether {@code predict} returns probabilities or logits
     * @param parameterCount number of model parameters, not negative; null when unknown
     * @param license        licence of the model and weights; null when not stated
     * @param weightsSha256  SHA-256 of the weights file as 64 lower-case hex digits; null when there
     *                       is none
     * @param description    one line saying what the model is; null when not given
     * @throws NullPointerException     when name, version, modality or output is null
     * @throws IllegalArgumentException for a malformed name or sha256, a blank version, or a
     *                                  negative parameter count
     */
    public AdapterDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(output, "output");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("adapter name '" + name + "' must match " + NAME.pattern());
        }
        if (version.isBlank()) {
            throw new IllegalArgumentException("adapter " + name + ": version is blank");
        }
        if (parameterCount != null && parameterCount < 0) {
            throw new IllegalArgumentException("adapter " + name + ": negative parameter count " + parameterCount);
        }
        if (weightsSha256 != null && !SHA256.matcher(weightsSha256).matches()) {
            throw new IllegalArgumentException("adapter " + name + ": weights sha256 must be 64 lower-case hex digits");
        }
    }

    /**
     * A builder; name, version, modality and output are required.
     *
     * @return a new builder with no field set
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a descriptor. */
    public static final class Builder {
        private String name;
        private String version;
        private Modality modality;
        private OutputKind output;
        private Long parameterCount;
        private String license;
        private String weightsSha256;
        private String description;

        private Builder() {
        }

        /**
         * Required: the unique adapter name.
         *
         * @param name the name given to {@code --adapter}; checked by {@link #build()}
         * @return this builder
         */
        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        /**
         * Required: the adapter version.
         *
         * @param version the version, not blank; checked by {@link #build()}
         * @return this builder
         */
        public Builder setVersion(String version) {
            this.version = version;
            return this;
        }

        /**
         * Required: the inputs read.
         *
         * @param modality the inputs the model reads
         * @return this builder
         */
        public Builder setModality(Modality modality) {
            this.modality = modality;
            return this;
        }

        /**
         * Required: probabilities or logits.
         *
         * @param output what {@code predict} returns
         * @return this builder
         */
        public Builder setOutput(OutputKind output) {
            this.output = output;
            return this;
        }

        /**
         * Optional: the number of model parameters.
         *
         * @param parameterCount the count, not negative; checked by {@link #build()}
         * @return this builder
         */
        public Builder optParameterCount(long parameterCount) {
            this.parameterCount = parameterCount;
            return this;
        }

        /**
         * Optional: the licence.
         *
         * @param license the licence of the model and weights, e.g. {@code Apache-2.0}
         * @return this builder
         */
        public Builder optLicense(String license) {
            this.license = license;
            return this;
        }

        /**
         * Optional: the weights file's SHA-256, lower-case hex.
         *
         * @param weightsSha256 64 lower-case hex digits; checked by {@link #build()}
         * @return this builder
         */
        public Builder optWeightsSha256(String weightsSha256) {
            this.weightsSha256 = weightsSha256;
            return this;
        }

        /**
         * Optional: a one-line description.
         *
         * @param description one line saying what the model is
         * @return this builder
         */
        public Builder optDescription(String description) {
            this.description = description;
            return this;
        }

        /**
         * The descriptor.
         *
         * @return a descriptor of the fields set so far
         * @throws NullPointerException     when a required field is missing
         * @throws IllegalArgumentException when a field is malformed
         */
        public AdapterDescriptor build() {
            return new AdapterDescriptor(name, version, modality, output, parameterCount, license, weightsSha256,
                    description);
        }
    }
}
