package org.duban.platform;

/**
 * A security-relevant fact outside any business transaction (a login, a failed login, a request
 * refused with 401, 403 or 429), fired as a CDI event; the audit trail records it. A notice without
 * an actor (nobody signed in) is tallied per address and minute instead of written each time.
 */
public record SecurityNotice(String actor, String clientIp, String action, String target, String result, String detail) {}
