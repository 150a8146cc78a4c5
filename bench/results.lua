-- POST a fixed answer set: a teenager in England, threats and AI-made images.
wrk.method = "POST"
wrk.body = "danger=no&who=child&what=fake&what=threats&where=GB-EAW&need=everything&step=need&nav=next"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
