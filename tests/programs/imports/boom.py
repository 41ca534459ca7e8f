print("boom: starting")
ready = True
raise ValueError("boom failed while importing")
