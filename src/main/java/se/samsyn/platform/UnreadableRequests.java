package se.samsyn.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses, before anything reads them, requests whose parameters cannot be decoded: a query string that is
 * not valid UTF-8 ({@code ?q=%C3%28}), a broken percent escape, or a form the container cannot parse. Such a
 * request used to end in a 500 with a stack trace wherever a parameter was first read; now it is a 400 in
 * Swedish (problem details on the API, the error page otherwise) and one line in the log, without the values.
 */
class UnreadableRequests extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UnreadableRequests.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpStatus refused = null;
		if (!wellFormed(request.getQueryString())) {
			refused = HttpStatus.BAD_REQUEST;
		}
		// Reading the parameters once here makes the container parse them now, and remember the outcome, rather
		// than fail later in whatever reads the first one (the error page included). A broken query string fails
		// before any body is read; otherwise multipart bodies are left to the upload handling.
		if (refused != null || !multipart(request)) {
			try {
				request.getParameterMap();
			}
			catch (InvalidParameterException ex) {
				refused = refused != null ? refused : status(ex.getErrorCode());
			}
		}
		if (refused == null) {
			chain.doFilter(request, response);
			return;
		}
		log.info("Refused {} {} with {}: its parameters cannot be read (not valid UTF-8, a broken escape or too many)",
				request.getMethod(), request.getRequestURI(), refused.value());
		if (refused == HttpStatus.BAD_REQUEST) {
			request.setAttribute(ErrorPages.DETAIL, "request.unreadable");
		}
		response.sendError(refused.value());
	}

	/** Whether every percent escape of the query string is complete and the bytes they make are UTF-8. */
	static boolean wellFormed(String query) {
		if (query == null || query.indexOf('%') < 0) {
			return true;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(query.length());
		for (int i = 0; i < query.length(); i++) {
			char c = query.charAt(i);
			if (c == '%') {
				int high = i + 2 < query.length() ? Character.digit(query.charAt(i + 1), 16) : -1;
				int low = high < 0 ? -1 : Character.digit(query.charAt(i + 2), 16);
				if (low < 0) {
					return false;
				}
				bytes.write(high * 16 + low);
				i += 2;
			}
			else {
				bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
			}
		}
		try {
			StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes.toByteArray()));
			return true;
		}
		catch (CharacterCodingException ex) {
			return false;
		}
	}

	private static boolean multipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
	}

	private static HttpStatus status(int code) {
		HttpStatus status = HttpStatus.resolve(code);
		return status != null && status.is4xxClientError() ? status : HttpStatus.BAD_REQUEST;
	}
}
