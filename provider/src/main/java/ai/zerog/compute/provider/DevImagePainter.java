package ai.zerog.compute.provider;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;

/**
 * Paints the dev model's images: a diagonal blend between two colours with a checkerboard of
 * a third, all three colours and the cell size taken from a 32-byte seed, encoded as PNG.
 */
final class DevImagePainter {
    private DevImagePainter() {
    }

    static byte[] png(byte[] seed, int width, int height) {
        int from = rgb(seed, 0);
        int to = rgb(seed, 3);
        int check = rgb(seed, 6);
        int cell = 4 + (seed[9] & 0xff) % 13;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        int span = Math.max(1, width + height - 2);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean checker = ((x / cell) + (y / cell)) % 2 == 0;
                image.setRGB(x, y, checker ? mix(from, check, 1, 4) : mix(from, to, x + y, span));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", out)) {
                throw new ProviderException("this JVM has no PNG writer");
            }
        } catch (IOException e) {
            throw new ProviderException("cannot encode dev model PNG", e);
        }
        return out.toByteArray();
    }

    private static int rgb(byte[] seed, int offset) {
        return (seed[offset] & 0xff) << 16 | (seed[offset + 1] & 0xff) << 8 | (seed[offset + 2] & 0xff);
    }

    /** {@code a + (b − a)·num/den} per channel. */
    private static int mix(int a, int b, int num, int den) {
        int out = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            int ca = a >> shift & 0xff;
            int cb = b >> shift & 0xff;
            out |= (ca + (cb - ca) * num / den) << shift;
        }
        return out;
    }
}
