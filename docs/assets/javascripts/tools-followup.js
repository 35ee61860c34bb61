/* tools-followup: placeholder until issue 7's tools land. */
