/* tools-offer-stories: placeholder until issue 7's tools land. */
