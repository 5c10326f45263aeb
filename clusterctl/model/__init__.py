"""What a plan means: the pydantic models of the format (`plan`) and its JSON Schema
(`schema`); the plan index (`index`: names resolved, deadlines parsed, tasks and steps
flattened) and names (`names`); the deadline grammar (`grammar`) and what a deadline is
(`deadlines`); calendar arithmetic (`calendar`); the status of work as of a date and what the
queries list (`status`) — written once, used by checks, queries and documents."""
