package org.iclab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.apache.batik.svggen.SVGGraphics2D;
import org.iclab.eval.Evaluator;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.XYStyler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The chart toolkit every figure of a run directory shares: the size, fonts, colours and style, the {@link Figure}
 * (a chart with what is drawn over it), and the encoders. Each figure is written as PNG (at {@value #PNG_SCALE}x the
 * nominal {@value #WIDTH}x{@value #HEIGHT}, sharp on high-density screens and slides) and as SVG (the same drawing
 * through Batik's SVGGraphics2D; XChart draws its text as outlines, so the SVG also carries a {@code <title>} and a
 * {@code <desc>}). One class per figure draws with it: {@link ErrorFigure}, {@link LossFigure},
 * {@link DynamicsFigure}, {@link MeasureFigure}, and {@link ProbePlots}' figures.
 */
final class Charts {
    static final int WIDTH = 960;
    static final int HEIGHT = 600;
    static final int PNG_SCALE = 2;
    /** The log axis reaches at most this many decades below the highest value; smaller values (and zeros) sit on its floor. */
    static final int LOG_DECADES = 4;
    /** The linear axis stops at this multiple of the model's highest value or of any learner's error at k = 0. */
    static final double LINEAR_HEADROOM = 2;

    /** Padding around the error figures' title, room enough for the caption line under it. */
    static final int CAPTION_ROOM = 30;
    static final int PLOT_MARGIN = 4;

    static final String X_TITLE = "in-context examples k";
    static final String TOKEN_X_TITLE = "position t (tokens read: t + 1)";

    static final String SVG_NS = "http://www.w3.org/2000/svg";
    static final String FONT = Font.SANS_SERIF;
    static final Color INK = new Color(0x222222);
    static final Color MUTED = new Color(0x555555);
    static final Color GRID = new Color(0xE4E4E4);
    /** Dash pattern of the line at k = dims (the SVG's stroke-dasharray "7,5"). */
    static final float[] DIMS_DASH = {7f, 5f};
    static final Color RAW_LOSS = new Color(0xB8B8B8);
    static final Color LABEL_BOX = new Color(255, 255, 255, 215);
    /** Fixed colours for the learners iclab knows, so a learner looks the same in every figure; others take PALETTE in turn. */
    static final Map<String, Color> COLOURS = Map.of(
            Evaluator.MODEL, new Color(0x111111),
            "leastSquares", new Color(0x1F77B4),
            "nearestNeighbors", new Color(0x2CA02C),
            "averaging", new Color(0xFF7F0E));
    static final Color[] PALETTE = {new Color(0x9467BD), new Color(0xD62728), new Color(0x8C564B),
            new Color(0xE377C2), new Color(0x17BECF), new Color(0xBCBD22), new Color(0x7F7F7F)};

    static {
        // Plots are drawn in batch runs and CI; never reach for a display unless the caller chose to have one.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** A chart, what is drawn over it once XChart has laid it out, and the text for the SVG's {@code <desc>}. */
    record Figure(String name, XYChart chart, BiConsumer<XYChart, Graphics2D> overlay, String description) {
        void draw(Graphics2D g) {
            chart.paint(g, WIDTH, HEIGHT);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            overlay.accept(chart, g);
        }
    }

    /**
     * Draws {@code caption} centred over the plot, in the room that the title's padding ({@link #CAPTION_ROOM})
     * leaves above it: inside the plot it would cross some curve sooner or later. The axis ranges must be set.
     */
    static void drawCaption(XYChart c, Graphics2D g, String caption, double xMin, double xMax, double yMin,
                                    double yMax) {
        double left = c.getScreenXFromChart(xMin);
        double right = c.getScreenXFromChart(xMax);
        double top = c.getScreenYFromChart(yMax);
        double bottom = c.getScreenYFromChart(yMin);
        // XChart keeps the data inside the middle plotContentSize of the plot; its border is further out.
        double content = c.getStyler().getPlotContentSize();
        double border = top - (bottom - top) * (1 - content) / (2 * content);
        g.setColor(MUTED);
        g.setFont(new Font(FONT, Font.PLAIN, 14));
        float width = g.getFontMetrics().stringWidth(caption);
        g.drawString(caption, (float) ((left + right - width) / 2), (float) (border - PLOT_MARGIN - 8));
    }

    // ---- style and encoders -----------------------------------------------------------------------------------

    static void style(XYStyler s) {
        s.setAntiAlias(true);
        s.setToolTipsEnabled(false);
        s.setLocale(Locale.ROOT);
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setChartFontColor(INK);
        s.setChartPadding(16);
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 20));
        s.setChartTitleBoxVisible(false);
        s.setChartTitlePadding(14);
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 16));
        s.setAxisTitlePadding(10);
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 14));
        s.setAxisTickLabelsColor(INK);
        s.setAxisTickMarksColor(MUTED);
        s.setPlotBorderVisible(true);
        s.setPlotBorderColor(new Color(0xB0B0B0));
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setPlotMargin(PLOT_MARGIN);
        s.setLegendFont(new Font(FONT, Font.PLAIN, 15));
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendBackgroundColor(Color.WHITE);
        s.setLegendSeriesLineLength(32);
        s.setLegendPadding(10);
        s.setMarkerSize(8);
        s.setYAxisLabelAlignment(AxesChartStyler.TextAlignment.Right);
        s.setYAxisLogarithmicDecadeOnly(true);
        s.setAnnotationLineColor(new Color(0x666666));
        s.setAnnotationLineStroke(new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                DIMS_DASH, 0f));
    }

    static byte[] png(Figure figure) throws IOException {
        return png(WIDTH, HEIGHT, figure::draw);
    }

    /** A drawing of nominal size {@code width} × {@code height} as PNG, at {@link #PNG_SCALE}x. */
    static byte[] png(int width, int height, java.util.function.Consumer<Graphics2D> drawing) throws IOException {
        BufferedImage image = new BufferedImage(width * PNG_SCALE, height * PNG_SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.scale(PNG_SCALE, PNG_SCALE);
            drawing.accept(g);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static String svg(Figure figure) throws IOException {
        return svg(figure.name(), figure.chart().getTitle(), figure.description(), WIDTH, HEIGHT, figure::draw);
    }

    /** A drawing as SVG (Batik's SVGGraphics2D) with a {@code <title>} and a {@code <desc>}. */
    static String svg(String name, String title, String description, int width, int height,
                      java.util.function.Consumer<Graphics2D> drawing) throws IOException {
        Document document;
        try {
            document = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation()
                    .createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("no XML DOM implementation available", e);
        }
        SVGGraphics2D g = new SVGGraphics2D(document);
        g.setSVGCanvasSize(new Dimension(width, height));
        drawing.accept(g);
        Element root = g.getRoot();
        root.setAttribute("viewBox", "0 0 " + width + " " + height);
        Element desc = document.createElementNS(SVG_NS, "desc");
        desc.setTextContent(description);
        root.insertBefore(desc, root.getFirstChild());
        Element titleElement = document.createElementNS(SVG_NS, "title");
        titleElement.setTextContent(title);
        root.insertBefore(titleElement, root.getFirstChild());
        g.dispose();
        // Serialised by the JDK rather than by Batik's stream(), which adds a DOCTYPE pointing at w3.org that
        // XML tools then try to download; presentation attributes (no CSS) read in every SVG consumer.
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.setOutputProperty(OutputKeys.INDENT, "no");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(root), new StreamResult(out));
            return out + "\n";
        } catch (TransformerException e) {
            throw new IOException("could not serialise the SVG of " + name, e);
        }
    }
}
