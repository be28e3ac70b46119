import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.File;
import javax.imageio.ImageIO;

/**
 * Draws the app icon (256x256 PNG): a dark rounded tile with the six phases of a rollout as rising bars,
 * the done ones green, the current one amber. Run: java -Djava.awt.headless=true packaging/icons/DrawIcon.java OUT.png
 */
public class DrawIcon {
    public static void main(String[] args) throws Exception {
        int size = 256;
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(0x1f2937));
        g.fill(new RoundRectangle2D.Double(8, 8, size - 16, size - 16, 56, 56));
        Color done = new Color(0x22c55e);
        Color current = new Color(0xf59e0b);
        Color later = new Color(0x4b5563);
        int bars = 6;
        int left = 40;
        int width = 22;
        int gap = 12;
        int bottom = 206;
        for (int i = 0; i < bars; i++) {
            int height = 36 + i * 26;
            g.setColor(i < 3 ? done : i == 3 ? current : later);
            g.fill(new RoundRectangle2D.Double(left + i * (width + gap), bottom - height, width, height, 8, 8));
        }
        // the gate line the phases must clear
        g.setColor(new Color(0xe5e7eb));
        g.setStroke(new BasicStroke(6, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawLine(32, 222, 224, 222);
        g.dispose();
        ImageIO.write(image, "png", new File(args[0]));
    }
}
