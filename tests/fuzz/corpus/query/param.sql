SELECT e.quote, substr(a.text, e.start, e.length) FROM evidence e JOIN article a ON a.id = e.article_id WHERE e.id = :id
id=3