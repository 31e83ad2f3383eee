"""预算公开问答助手: answers questions about budget disclosures with verified figures."""
