package org.duban.platform;

import jakarta.inject.Qualifier;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The real time, for security only: sessions and their end, API tokens' expiry, lockouts, password
 * age, second-factor codes and audit checkpoints. TRACKER_CLOCK_FIXED moves the business calendar
 * (deadlines, lights, rounds), never these: an authenticator app knows only real time, and a fixed
 * "now" would make a session created after a logout look as old as the logout.
 */
@Qualifier
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.TYPE})
public @interface WallClock {}
