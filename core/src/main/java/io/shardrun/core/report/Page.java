package io.shardrun.core.report;

/**
 * The frame of every report: one HTML5 document that needs nothing but itself. Its
 * Content-Security-Policy lets it run no script and fetch nothing; styles are inline, and images
 * (failure screenshots) may come only from beside the report or from data: URLs. Void elements
 * are closed ({@code <meta/>}), so the document is well-formed XML too and tools can read it
 * with any XML parser.
 */
final class Page {
  private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data: file:";

  private static final String STYLE = """
      body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#1b1b1b}
      h1{font-size:20px;margin:0 0 8px}
      h2{font-size:16px;margin:28px 0 8px}
      table{border-collapse:collapse}
      th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
      td.n{text-align:right}
      .verdict{display:inline-block;font-size:22px;font-weight:700;padding:2px 12px;border-radius:4px;color:#fff;background:#555}
      [data-phase=Succeeded]{background:#2e7d32}
      [data-phase=Failed]{background:#c62828}
      [data-phase=Error]{background:#ef6c00}
      .passed{background:#43a047}
      .failed{background:#e53935}
      .skipped{background:#9e9e9e}
      .error{background:#fb8c00}
      """;

  private Page() {}

  /**
   * The whole document.
   *
   * @param title the window title, as plain text
   * @param style the report's own CSS, after the shared rules
   * @param body the body's markup
   */
  static String of(String title, String style, CharSequence body) {
    return new StringBuilder(body.length() + 2048)
        .append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CONTENT_SECURITY_POLICY).append("\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        // An empty icon, so the browser asks for no favicon.ico.
        .append("<link rel=\"icon\" href=\"data:,\"/>\n")
        .append("<title>").append(Html.escape(title)).append("</title>\n")
        .append("<style>\n").append(STYLE).append(style).append("</style>\n</head>\n<body>\n")
        .append(body)
        .append("</body>\n</html>\n")
        .toString();
  }
}
