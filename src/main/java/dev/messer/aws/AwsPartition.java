package dev.messer.aws;

/**
 * The ARN partition of a region: {@code aws-cn} for the China regions, {@code aws-us-gov} for
 * GovCloud, {@code aws-iso} and {@code aws-iso-b} for the isolated regions, {@code aws} elsewhere.
 */
public final class AwsPartition {

    private AwsPartition() {
    }

    /** @param region a region id such as {@code eu-west-1}; blank or {@code *} gives {@code aws} */
    public static String of(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.startsWith("us-isob-")) {
            return "aws-iso-b";
        }
        if (region.startsWith("us-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }

    /** The region global services such as IAM are signed for in the partition of {@code region}. */
    public static String globalRegion(String region) {
        return switch (of(region)) {
            case "aws-cn" -> "aws-cn-global";
            case "aws-us-gov" -> "aws-us-gov-global";
            default -> "aws-global";
        };
    }
}
