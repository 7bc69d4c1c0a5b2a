package io.github.slurm4j.redis.stats;

/**
 * Power for the PUE hash, in watts: IT power (the nodes' {@code CurrentWatts} summed, or a
 * configured command's reading) and facility power (a configured command's reading). A
 * component is {@code null} when there is no source for it; {@code pue} is written only when
 * both are known and IT power is positive.
 *
 * @param itWatts IT power, or null
 * @param facilityWatts facility power, or null
 */
public record PowerReading(Double itWatts, Double facilityWatts) {
    /** No power source at all. */
    public static final PowerReading NONE = new PowerReading(null, null);

    /**
     * Reads {@code ipmitool dcmi power reading}'s {@code Instantaneous power reading: 220 Watts}.
     *
     * @param output the command's whole standard output
     * @return the power in watts, from the first such line
     * @throws IllegalArgumentException when the output has no such line, or its value is not a number
     */
    public static double parseIpmiDcmi(String output) {
        for (String line : output.split("\n")) {
            String l = line.strip();
            if (l.startsWith("Instantaneous power reading")) {
                int colon = l.indexOf(':');
                String[] words = l.substring(colon + 1).strip().split("\\s+");
                try {
                    return Double.parseDouble(words[0]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a power reading: '" + l + "'", e);
                }
            }
        }
        throw new IllegalArgumentException("no 'Instantaneous power reading' line in the ipmitool output");
    }
}
