package se.samsyn.intervention;

/** Person-level follow-up, or counts only (SUS's volyminsats). */
public enum FollowUpMethod {
	PERSON, COUNT
}
