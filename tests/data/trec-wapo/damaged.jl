{"id": "aa11bb22-3c4d-11e4-8e9f-0a1b2c3d4e5f", "article_url": "https://www.washingtonpost.com/x/2014/09/02/aa11bb22.html", "title": "Commuters find the new line slow", "author": "Ruth Kwan", "published_date": 1409659200000, "contents": [{"content": "By Ruth Kwan", "mime": "text/plain", "type": "byline"}, {"content": "Trains on the new line ran ten minutes late on its first day.", "mime": "text/html", "type": "sanitized_html", "subtype": "paragraph"}], "type": "article", "source": "The Washington Post"}

{"id": "bad-title", "title": 42, "author": ["A"], "published_date": 1000000000000000000000000000000, "contents": [1, "x", {"content": 5, "mime": "text/html", "type": "sanitized_html", "subtype": "paragraph"}, {"type": "image", "fullcaption": 7}, {"type": "kicker", "content": "Metro"}, {"content": "A document whose fields have the wrong types.", "mime": "text/html", "type": "sanitized_html", "subtype": "paragraph"}], "type": "article", "source": "The Washington Post"}
{"id": "bad-bytes", "article_url": "https://www.washingtonpost.com/y", "title": "CafÃ© opens", "author": "", "published_date": 1409659200000, "contents": [{"content": "The café opens at seven.", "mime": "text/html", "type": "sanitized_html", "subtype": "paragraph"}], "type": "article", "source": "The Washington Post"}
{"id": "cut-short", "article_url": "https://www.washingtonpost.com/z", "title": "This line was cut
["not", "a", "document"]
{"format": "jsonl", "headline": "a wirecopy record, not a Washington Post document"}
{"article_url": "https://www.washingtonpost.com/no-id", "title": "No id and no date", "contents": [{"content": "Text without an id.", "mime": "text/html", "type": "sanitized_html", "subtype": "paragraph"}]}
   
