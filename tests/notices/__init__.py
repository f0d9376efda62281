"""Tests of the notices (issue 15): the core (loading, order, loudspeaker, feed) and the site."""
